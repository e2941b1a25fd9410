/**
 * INTERIM: the answers of the routes the portal reads whose OpenAPI operation declares no response
 * schema yet (so schema.d.ts types their body as nothing). Each mirrors the server's view function
 * named beside it, and only the fields the web reads. When the API declares the response
 * (`@ApiOkResponse({ type })`) and `npm run web:api` brings it into schema.d.ts, switch the call from
 * `unwrapView<…>` to `unwrap` and delete the type here; the goal is an empty file.
 */

/** libs/auth TokenPair */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** libs/auth UsersService.get */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}
