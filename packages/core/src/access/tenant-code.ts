/** Kemendagri area codes: `35` is a province, `35.22` a regency or city inside it. */
const PROVINCE_CODE = /^\d{2}$/;
const REGENCY_CODE = /^\d{2}\.\d{2}$/;

export const isTenantCode = (code: string): boolean => PROVINCE_CODE.test(code) || REGENCY_CODE.test(code);

export const isProvinceCode = (code: string): boolean => PROVINCE_CODE.test(code);

/** The province a regency belongs to; a province is its own. */
export const provinceOf = (code: string): string => code.slice(0, 2);

/**
 * Whether `regencyCode` lies inside `provinceCode`. Compared by segments, never by raw string
 * prefix, so that province `35` can never claim a code such as `351.x`.
 */
export const isInsideProvince = (regencyCode: string, provinceCode: string): boolean =>
  isProvinceCode(provinceCode) &&
  REGENCY_CODE.test(regencyCode) &&
  regencyCode.split('.')[0] === provinceCode;
