export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Failed logins of one username from one client within the window before that client is refused. */
  loginMaxFailures: number;
  loginFailureWindowSeconds: number;
  /** Failed logins of one username from all clients within the window before the global back-off starts. */
  loginBackoffAfterFailures: number;
  loginBackoffBaseSeconds: number;
  loginBackoffMaxSeconds: number;
}
