/** Clues (问题线索): the machine, the service of transitions, the transfer and the audited reads. */
export * from './act.js';
export * from './deps.js';
export * from './machine.js';
export * from './reads.js';
export * from './service.js';
export * from './transfer.js';
