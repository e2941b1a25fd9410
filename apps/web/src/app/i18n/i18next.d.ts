import 'i18next';
import type { Messages } from './zh-cn';

// Translation keys are checked at compile time against the Chinese messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
