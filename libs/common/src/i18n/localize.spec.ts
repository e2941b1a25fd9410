import { fillTemplate, localizeAck, localizeMessage } from './localize';

describe('localized error messages', () => {
  it('keeps the thrown English text for English and a code the catalogue lacks', () => {
    expect(localizeMessage('en', { code: 'INVALID_CREDENTIALS', message: 'The username or password is wrong' })).toBe('The username or password is wrong');
    expect(localizeMessage('zh', { code: 'NO_SUCH_CODE_YET', message: 'something new' })).toBe('something new');
  });

  it('fills the Chinese template with the details, or falls back to the one without them', () => {
    expect(localizeMessage('zh', { code: 'USCC_CHECK_CHARACTER', message: 'x', field: 'creditCode', details: { expected: 'A' } })).toContain('第 18 位应为 "A"');
    expect(localizeMessage('zh', { code: 'USCC_CHECK_CHARACTER', message: 'x', field: 'creditCode' })).toBe('统一社会信用代码的校验码有误，请检查是否输入错误');
  });

  it('fills every parameter of a template or none: the first template that fits wins', () => {
    expect(fillTemplate(['{a} 与 {b}', '只有 {a}', '都没有'], { a: 1 })).toBe('只有 1');
    expect(fillTemplate(['{a} 与 {b}', '都没有'], {})).toBe('都没有');
    expect(fillTemplate('{a}', {})).toBeUndefined();
    expect(fillTemplate('第 {line} 行', { line: 0 })).toBe('第 0 行');
  });

  it('localizes only refusals among socket acknowledgements, keeping code and field', () => {
    const ack = { ok: false, code: 'NOT_QUALIFIED', message: 'you hold no qualified application', field: 'lotId' };
    expect(localizeAck(ack, 'zh')).toEqual({ ...ack, message: '您在该标的没有取得竞买资格（竞买号牌）' });
    expect(localizeAck(ack, 'en')).toEqual(ack);
    const ok = { ok: true, seq: 3 };
    expect(localizeAck(ok, 'zh')).toBe(ok);
  });
});
