/**
 * Kemendagri area codes: `35` is a province, `35.22` a regency or city inside it. The one place the
 * rule is written (docs/decisions/0047): every check and schema elsewhere uses these.
 */
const PROVINCE_DIGITS = String.raw`\d{2}`;
const TENANT_CODE_SOURCE = String.raw`${PROVINCE_DIGITS}(?:\.\d{2})?`;

export const PROVINCE_CODE_PATTERN = new RegExp(`^${PROVINCE_DIGITS}$`);
export const REGENCY_CODE_PATTERN = new RegExp(String.raw`^${PROVINCE_DIGITS}\.\d{2}$`);
/** A province or a regency code, for schemas (`z.string().regex(TENANT_CODE_PATTERN)`). */
export const TENANT_CODE_PATTERN = new RegExp(`^${TENANT_CODE_SOURCE}$`);
/** The same rule unanchored, to compose into a larger pattern (a catalogue id `35.22~…`). */
export const TENANT_CODE_PART = TENANT_CODE_SOURCE;

export const isTenantCode = (code: string): boolean => TENANT_CODE_PATTERN.test(code);

export const isProvinceCode = (code: string): boolean => PROVINCE_CODE_PATTERN.test(code);

/** A regency or city code (`35.22`), as opposed to a province (`35`). */
export const isRegencyCode = (code: string): boolean => REGENCY_CODE_PATTERN.test(code);

/** The province a regency belongs to; a province is its own. */
export const provinceOf = (code: string): string => code.slice(0, 2);

/**
 * Whether `regencyCode` lies inside `provinceCode`. Compared by segments, never by raw string
 * prefix, so that province `35` can never claim a code such as `351.x`.
 */
export const isInsideProvince = (regencyCode: string, provinceCode: string): boolean =>
  isProvinceCode(provinceCode) && isRegencyCode(regencyCode) && regencyCode.split('.')[0] === provinceCode;
