import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '@web/api/client';
import { enUS } from './en-us';
import { zhCN } from './zh-cn';

/** Chinese first; English on request, remembered in this browser. */
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'land.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function initI18n(lang: Language = storedLanguage()) {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: lang,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(lang);
  return i18n;
}

function applyLanguage(lang: Language) {
  setApiLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function changeLanguage(lang: Language) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };
