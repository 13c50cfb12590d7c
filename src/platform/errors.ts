/**
 * Errors with stable codes. Every error the API returns carries one of these codes; the console shows the
 * Chinese or English message for it. Codes never change meaning once released.
 */

/** Message texts of one error code. */
interface ErrorText {
  status: number;
  zh: string;
  en: string;
}

/** The catalogue of stable error codes, their HTTP status and their messages. */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, zh: '请求内容有误', en: 'The request is invalid' },
  VALIDATION_FAILED: { status: 400, zh: '请求参数校验失败', en: 'Request validation failed' },
  EXPRESSION_SYNTAX: { status: 400, zh: '表达式语法错误', en: 'Expression syntax error' },
  CONFIG_INVALID: { status: 500, zh: '配置无效', en: 'The configuration is invalid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Authentication required' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_RATE_LIMITED: {
    status: 429,
    zh: '登录尝试过于频繁，请稍后再试',
    en: 'Too many login attempts, try again later',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁', en: 'Too many requests' },
  PASSWORD_POLICY: {
    status: 400,
    zh: '密码不符合要求（至少 10 个字符）',
    en: 'The password does not meet the policy (at least 10 characters)',
  },
  CSRF_FAILED: { status: 403, zh: '请求来源校验失败', en: 'Cross-site request check failed' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Record not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: {
    status: 409,
    zh: '记录已存在或与现有记录冲突',
    en: 'The record conflicts with an existing one',
  },
  UNIT_HAS_CHILDREN: {
    status: 409,
    zh: '该单位下仍有下级单位或用户',
    en: 'The unit still has child units or users',
  },
  UNIT_CYCLE: { status: 400, zh: '不能把单位移动到自己的下级', en: 'A unit cannot move below itself' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  STORAGE_UNAVAILABLE: { status: 503, zh: '存储暂不可用', en: 'Storage is not available' },
  JOB_NOT_FOUND: { status: 404, zh: '任务不存在', en: 'Job not found' },
  JOB_TIMED_OUT: { status: 504, zh: '后台任务执行超时', en: 'The background job timed out' },
  FETCH_BLOCKED_ADDRESS: {
    status: 422,
    zh: '目标地址属于内网、回环或链路本地地址，已拒绝访问',
    en: 'The address is private, loopback or link-local and was refused',
  },
  FETCH_ROBOTS_DISALLOWED: {
    status: 422,
    zh: '目标网站的 robots.txt 禁止抓取该地址',
    en: 'robots.txt disallows this URL',
  },
  FETCH_TIMEOUT: { status: 504, zh: '抓取超时', en: 'The fetch timed out' },
  FETCH_TOO_LARGE: { status: 422, zh: '响应内容超过大小上限', en: 'The response is larger than the limit' },
  FETCH_TOO_MANY_REDIRECTS: { status: 422, zh: '重定向次数过多', en: 'Too many redirects' },
  FETCH_HTTP_STATUS: {
    status: 502,
    zh: '目标网站返回错误状态',
    en: 'The site answered with an error status',
  },
  FETCH_FAILED: { status: 502, zh: '抓取失败（网络错误）', en: 'The fetch failed (network error)' },
  PARSE_FAILED: { status: 422, zh: '内容无法解析', en: 'The content could not be parsed' },
  SOURCE_CONFIG_INVALID: { status: 400, zh: '信息源配置无效', en: 'The source configuration is invalid' },
  CHANNEL_CONFIG_INVALID: { status: 400, zh: '预警渠道配置无效', en: 'The channel configuration is invalid' },
  DELIVERY_FAILED: { status: 502, zh: '预警消息发送失败', en: 'The alert message could not be delivered' },
  DELIVERY_UNAVAILABLE: {
    status: 503,
    zh: '预警发送服务未启用',
    en: 'Alert delivery is not available in this process',
  },
  IMPORT_FORMAT: { status: 400, zh: '导入文件格式有误', en: 'The import file is malformed' },
  INGEST_REJECTED: { status: 400, zh: '推送的条目被拒绝', en: 'The pushed item was rejected' },
  RULE_INVALID: { status: 400, zh: '预警规则无效', en: 'The alert rule is invalid' },
  PUBLICATION_CONFIDENTIAL: {
    status: 409,
    zh: '稿件含有涉密词语或未公开的案件信息，不能签发',
    en: 'The draft contains secret terms or unpublished case details and cannot be signed off',
  },
  CASE_TRANSITION_INVALID: {
    status: 409,
    zh: '当前状态下不能执行该操作',
    en: 'This action is not allowed in the record’s current state',
  },
  ALERT_TRANSITION_INVALID: {
    status: 409,
    zh: '预警当前状态不允许此操作',
    en: 'The alert cannot make this transition from its current status',
  },
  ALERT_STREAM_UNAVAILABLE: { status: 503, zh: '预警推送暂不可用', en: 'The alert stream is not available' },
  CLUE_CRITERIA_UNMET: {
    status: 409,
    zh: '线索尚未满足全部四项质量标准',
    en: 'The clue does not meet all four quality criteria yet',
  },
  APPEAL_EXTENSION_REFUSED: {
    status: 409,
    zh: '诉求只能延期一次，最多 10 个工作日，且须说明理由',
    en: 'An appeal may be extended once, by at most 10 working days, with a reason',
  },
  APPEAL_RETURN_TOO_LATE: {
    status: 409,
    zh: '已超过退回期限（交办后 2 个工作日内）',
    en: 'The appeal can no longer be returned (2 working days after dispatch)',
  },
  APPEAL_MERGE_INVALID: {
    status: 409,
    zh: '不能合并到该诉求',
    en: 'The appeal cannot be merged into that one',
  },
  APPEAL_PUBLISH_UNAVAILABLE: {
    status: 503,
    zh: '诉求回复发布服务未启用',
    en: 'Publishing appeal replies is not available in this process',
  },
  EVIDENCE_UNAVAILABLE: {
    status: 503,
    zh: '取证服务未启用',
    en: 'Evidence capture is not available in this process',
  },
  EVIDENCE_PACKAGE_INVALID: {
    status: 400,
    zh: '证据包格式无效',
    en: 'The evidence package is not a valid package',
  },
  PLAN_INVALID: { status: 400, zh: '应急预案内容有误', en: 'The emergency plan is invalid' },
  REPORT_TRANSITION_INVALID: {
    status: 409,
    zh: '报告当前状态不允许此操作',
    en: 'The report cannot make this transition from its current status',
  },
  REPORT_FONT_MISSING: {
    status: 500,
    zh: '未找到中文字体，无法生成报告文件（请安装 fonts-noto-cjk）',
    en: 'No Chinese (CJK) font was found to render the report; install fonts-noto-cjk',
  },
  REPORTS_UNAVAILABLE: {
    status: 503,
    zh: '报告服务未启用',
    en: 'Reports are not available in this process',
  },
  COORDINATION_UNAVAILABLE: {
    status: 503,
    zh: '协调服务（领导锁或共享限速）暂不可用',
    en: 'The coordination store (leader lock or shared politeness limits) is unavailable',
  },
  BACKUP_UNSUPPORTED: {
    status: 400,
    zh: '此数据库不能用 fengxiang backup/restore 备份或恢复（PostgreSQL 请用 pg_dump / pg_basebackup）',
    en: 'fengxiang backup/restore works on the embedded SQLite database only (PostgreSQL: pg_dump / pg_basebackup)',
  },
  BACKUP_NOT_FOUND: { status: 404, zh: '备份文件不存在', en: 'The backup file does not exist' },
  BACKUP_INVALID: {
    status: 422,
    zh: '备份文件无效（不是 SQLite 数据库或完整性检查未通过）',
    en: 'The backup is not valid (not a SQLite database, or it failed the integrity check)',
  },
  BACKUP_SCHEMA_NEWER: {
    status: 409,
    zh: '备份来自更新的版本，请先升级本程序再恢复',
    en: 'The backup comes from a newer release; upgrade Fengxiang before restoring it',
  },
  RESTORE_TARGET_IN_USE: {
    status: 409,
    zh: '数据库正被运行中的进程使用，请先停止服务再恢复',
    en: 'The database is in use by a running process; stop the server and workers first',
  },
  RESTORE_TARGET_EXISTS: {
    status: 409,
    zh: '目标数据库已存在，确认替换请加 --force',
    en: 'The target database exists; pass --force to replace it',
  },
  TRANSFER_SOURCE_INVALID: {
    status: 400,
    zh: '迁移源不是可用的风向 SQLite 数据库',
    en: 'The copy source is not a usable Fengxiang SQLite database',
  },
  TRANSFER_SCHEMA_MISMATCH: {
    status: 409,
    zh: '迁移源与目标数据库的结构版本不一致',
    en: 'The copy source and target are not at the same schema version',
  },
  TRANSFER_TARGET_NOT_EMPTY: {
    status: 409,
    zh: '目标数据库已有数据（续传请加 --resume）',
    en: 'The target database already holds data (add --resume to continue a copy)',
  },
  TRANSFER_INTERRUPTED: {
    status: 503,
    zh: '数据迁移被中断，可用 --resume 继续',
    en: 'The copy was interrupted; --resume continues it',
  },
  TRANSFER_VERIFY_FAILED: {
    status: 500,
    zh: '迁移校验失败：源与目标的行数或校验和不一致',
    en: 'Copy verification failed: row counts or checksums differ',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorText>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** An error that carries a stable code, an optional English detail and structured context. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The HTTP status that matches the code. */
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** True when `value` is an {@link AppError} with the given code (or any code when omitted). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
