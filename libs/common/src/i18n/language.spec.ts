import { preferredLanguage } from './language';

describe('preferredLanguage (Accept-Language → zh | en)', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en;q=0.8, zh-CN;q=0.9', 'zh'],
    ['zh;q=0.5, en;q=0.6', 'en'],
    ['fr-FR', 'zh'],
    ['fr;q=0.9, en;q=0.5', 'en'],
    ['*', 'zh'],
    ['en;q=0', 'zh'],
    ['en;q=0, zh;q=0.1', 'zh'],
    ['en;q=oops', 'zh'],
    ['en, zh', 'en'],
    ['zh, en', 'zh'],
    [['en-US', 'zh;q=0.1'], 'en'],
    ['x'.repeat(5000), 'zh'],
  ])('%j → %s', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
