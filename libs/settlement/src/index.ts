export * from './application/settlement-options';
export * from './application/settlement.service';
export * from './settlement.module';
export { UNPREFIXED_ROUTES } from './http/verification-page.controller';
export { VERIFICATION_PAGE_PATH } from './http/verification-page';
