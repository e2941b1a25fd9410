import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '@web/app/i18n/i18n';

initI18n('zh-CN');
afterEach(() => cleanup());
