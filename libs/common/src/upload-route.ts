import { SetMetadata } from '@nestjs/common';

export const UPLOAD_ROUTE_METADATA = 'land:upload-route';

/**
 * This route receives a file inside its JSON body (base64): it alone may take a body above the small
 * default limit, up to the upload limit, and only from a caller with a valid access token
 * (apps/api/src/http/body-limits.ts). Every other route, public ones above all, keeps the small limit.
 */
export const AcceptsUpload = (): MethodDecorator => SetMetadata(UPLOAD_ROUTE_METADATA, true);
