export const QUALIFICATION_OPTIONS = Symbol('QUALIFICATION_OPTIONS');

export interface QualificationOptions {
  bankNoticeSecret: string;
  subAccountPrefix: string;
  /** The dev-only simulated bank endpoint is served. */
  bankSimulator: boolean;
  fileStoreDir: string;
}
