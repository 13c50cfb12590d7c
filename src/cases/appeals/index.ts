/** Appeals (网络诉求): the machine, the time and intake rules, and the service. */
export * from './intake-rules.js';
export * from './machine.js';
export * from './rules.js';
export * from './service/index.js';
