import { Alert, Button, Descriptions, Form, Input } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@web/api/api-error';
import { MoneyText } from '@web/components/money-text';
import { verifyChain, type ChainCheck } from '@web/lib/verify/chain';
import { verifyDraw, type DrawCheck, type PublishedDraw } from '@web/lib/verify/lottery';
import { verifyReserve, type ReserveCheck } from '@web/lib/verify/reserve';
import { sha256Hex } from '@web/lib/verify/sha256';
import { useConfirmationCheck, type LotChain, type LotResult, type PublicLot } from './api';
import { formatDateTime } from './format';

type ChainQuery = UseMutationResult<LotChain, Error, void>;

/** A check's section: a heading, what is checked, a button and the verdict. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="verify-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** 底价: recompute SHA-256("land-reserve-v1|lot|value|salt") from the revealed values; compare with the commitment published at sealing. */
export function ReserveVerification({ lot, result }: { lot: PublicLot; result: LotResult }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<ReserveCheck | null>(null);
  const revealed = result.reserve;
  // The commitment the lot page published when the reserve was sealed (before any bid).
  const commitment = lot.reserve.commitment ?? revealed?.commitment ?? null;
  return (
    <Section id="verify-reserve" title={t('features.portal.result.reserve.title')}>
      {!lot.reserve.hasReserve ? (
        <p className="muted">{t('features.portal.result.reserve.none')}</p>
      ) : !revealed || !commitment ? (
        <p className="muted">{t('features.portal.result.reserve.notRevealed')}</p>
      ) : (
        <>
          <Descriptions column={1} size="small" className="facts">
            <Descriptions.Item label={t('features.portal.result.reserve.value')}>
              <MoneyText amount={revealed.value} />
            </Descriptions.Item>
            <Descriptions.Item label={t('features.portal.result.reserve.salt')}>
              <span className="hash">{revealed.salt}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('features.portal.result.reserve.commitment')}>
              <span className="hash">{commitment}</span>
            </Descriptions.Item>
          </Descriptions>
          <Button onClick={() => void verifyReserve(lot.id, revealed.value, revealed.salt, commitment).then(setCheck)}>{t('features.portal.result.verifyButton')}</Button>
          {check ? (
            <div className="verify-result" role="status">
              <Alert type={check.matches ? 'success' : 'error'} showIcon title={check.matches ? t('features.portal.result.reserve.ok') : t('features.portal.result.reserve.bad')} />
              <Descriptions column={1} size="small" className="facts">
                <Descriptions.Item label={t('features.portal.result.reserve.canonical')}>
                  <span className="hash">{check.canonical}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('features.portal.result.reserve.computed')}>
                  <span className="hash">{check.computed}</span>
                </Descriptions.Item>
              </Descriptions>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}

/** The bid record: every link recomputed in the browser; the first broken one named. */
export function ChainVerification({ result, chain }: { result: LotResult; chain: ChainQuery }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const c = await chain.mutateAsync();
      // The head the result published at the close, not only the one served with the chain.
      setCheck(await verifyChain(c.events, { length: result.chainLength, head: result.chainHead }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="verify-chain" title={t('features.portal.result.chain.title')}>
      <p className="muted">{t('features.portal.result.chain.intro')}</p>
      <Descriptions column={1} size="small" className="facts">
        <Descriptions.Item label={t('features.portal.result.chain.length')}>{result.chainLength}</Descriptions.Item>
        <Descriptions.Item label={t('features.portal.result.chain.head')}>
          <span className="hash">{result.chainHead ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      <Button type="primary" loading={busy} onClick={() => void run()}>
        {busy ? t('features.portal.result.verifying') : t('features.portal.result.verifyButton')}
      </Button>
      {chain.isError ? <Alert className="verify-result" type="error" showIcon title={chain.error.message} /> : null}
      {check ? (
        <div className="verify-result" role="status" data-testid="chain-verdict">
          {check.ok ? (
            <Alert
              type={check.headMatches ? 'success' : 'error'}
              showIcon
              title={check.headMatches ? t('features.portal.result.chain.ok', { count: check.checked }) : t('features.portal.result.chain.headMismatch', { count: check.checked, length: result.chainLength })}
            />
          ) : (
            <>
              <Alert
                type="error"
                showIcon
                title={t('features.portal.result.chain.broken', {
                  seq: check.seq,
                  problem: t(`features.portal.result.chain.problem.${check.problem}`, { expected: check.expected ?? '', found: check.found ?? '' }),
                })}
              />
              {check.problem === 'hash_mismatch' ? (
                <Descriptions column={1} size="small" className="facts">
                  <Descriptions.Item label={t('features.portal.result.chain.expected')}>
                    <span className="hash">{check.expected}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('features.portal.result.chain.found')}>
                    <span className="hash">{check.found}</span>
                  </Descriptions.Item>
                </Descriptions>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </Section>
  );
}

function drawOf(chain: LotChain): { draw: PublishedDraw | null; committed: string | null } {
  const drawn = chain.events.find((e) => e.event.type === 'lottery:drawn')?.event as PublishedDraw | undefined;
  const committed = chain.events.find((e) => e.event.type === 'lottery:committed')?.event as { commitment?: string } | undefined;
  return { draw: drawn ?? null, committed: committed?.commitment ?? null };
}

/** 摇号: the seed against its earlier commitment, and the winner recomputed from the seed and the entrants. */
export function LotteryVerification({ chain }: { chain: ChainQuery }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<{ draw: PublishedDraw; verdict: DrawCheck } | 'none' | null>(null);
  const run = async () => {
    const { draw, committed } = drawOf(chain.data ?? (await chain.mutateAsync()));
    setCheck(draw ? { draw, verdict: await verifyDraw(draw, committed) } : 'none');
  };
  return (
    <Section id="verify-lottery" title={t('features.portal.result.lottery.title')}>
      <Button onClick={() => void run()} loading={chain.isPending}>
        {t('features.portal.result.verifyButton')}
      </Button>
      {check === 'none' ? (
        <p className="muted verify-result" role="status">
          {t('features.portal.result.lottery.none')}
        </p>
      ) : check ? (
        <div className="verify-result" role="status">
          <Alert
            type={check.verdict.matches ? 'success' : 'error'}
            showIcon
            title={check.verdict.matches ? t('features.portal.result.lottery.ok', { winner: check.verdict.winnerNumber }) : t('features.portal.result.lottery.bad')}
          />
          <Descriptions column={1} size="small" className="facts">
            <Descriptions.Item label={t('features.portal.result.lottery.entrants')}>{check.draw.entrants.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('features.portal.result.lottery.winner')}>{check.draw.winnerNumber}</Descriptions.Item>
            <Descriptions.Item label={t('features.portal.result.lottery.seed')}>
              <span className="hash">{check.draw.seedHex}</span>
            </Descriptions.Item>
          </Descriptions>
        </div>
      ) : null}
    </Section>
  );
}

interface ConfirmationForm {
  code: string;
}

/** 成交确认书: what its code certifies; a chosen PDF is hashed in the browser and compared with the record. */
export function ConfirmationVerification() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<ConfirmationForm>();
  const [file, setFile] = useState<File | null>(null);
  const [fileHash, setFileHash] = useState<string | null>(null);
  const check = useConfirmationCheck();

  const submit = async ({ code }: ConfirmationForm) => {
    const sha256 = file ? await sha256Hex(new Uint8Array(await file.arrayBuffer())) : undefined;
    setFileHash(sha256 ?? null);
    try {
      await check.mutateAsync({ code: code.trim(), sha256 });
    } catch (err) {
      if (err instanceof ApiError) form.setFields(Object.entries(err.fieldErrors()).map(([name, message]) => ({ name: name === 'sha256' ? 'code' : (name as 'code'), errors: [message] })));
    }
  };
  const r = check.data;
  return (
    <Section id="verify-confirmation" title={t('features.portal.result.confirmation.title')}>
      <p className="muted">{t('features.portal.result.confirmation.intro')}</p>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="code" label={t('features.portal.result.confirmation.code')} rules={[{ required: true, whitespace: true, message: t('features.portal.result.confirmation.codeRequired') }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('features.portal.result.confirmation.file')} htmlFor="confirmation-file">
          {/* The native picker's button speaks the browser's language; this one speaks the page's. */}
          <span className="file-picker">
            <input id="confirmation-file" type="file" accept="application/pdf,.pdf" className="file-picker-input" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <label htmlFor="confirmation-file" className="link-button">
              {t('features.portal.result.confirmation.chooseFile')}
            </label>
            <span className="muted">{file?.name ?? t('features.portal.result.confirmation.noFile')}</span>
          </span>
        </Form.Item>
        <Button htmlType="submit" loading={check.isPending}>
          {t('features.portal.result.confirmation.check')}
        </Button>
      </Form>
      {check.isError && !(check.error instanceof ApiError && check.error.field) ? <Alert className="verify-result" type="error" showIcon title={check.error.message} /> : null}
      {r ? (
        <div className="verify-result" role="status" data-testid="confirmation-verdict">
          <Alert
            type={r.valid ? 'success' : 'error'}
            showIcon
            title={
              r.documentMatches === false
                ? t('features.portal.result.confirmation.documentDiffers')
                : r.documentMatches
                  ? t('features.portal.result.confirmation.documentMatches')
                  : r.verificationCode
                    ? t('features.portal.result.confirmation.valid')
                    : t('features.portal.result.confirmation.invalid')
            }
          />
          {r.verificationCode ? (
            <Descriptions column={1} size="small" className="facts">
              <Descriptions.Item label={t('features.portal.result.confirmation.announcementNumber')}>{r.announcementNumber}</Descriptions.Item>
              <Descriptions.Item label={t('features.portal.result.confirmation.lotNumber')}>{r.lotNumber}</Descriptions.Item>
              {r.price ? (
                <Descriptions.Item label={t('features.portal.result.confirmation.price')}>
                  <MoneyText amount={r.price} />
                </Descriptions.Item>
              ) : null}
              {r.issuedAt ? <Descriptions.Item label={t('features.portal.result.confirmation.issuedAt')}>{formatDateTime(r.issuedAt, i18n.language)}</Descriptions.Item> : null}
              <Descriptions.Item label={t('features.portal.result.confirmation.signed')}>{r.signed ? t('features.portal.result.confirmation.yes') : t('features.portal.result.confirmation.no')}</Descriptions.Item>
              <Descriptions.Item label={t('features.portal.result.confirmation.sha256')}>
                <span className="hash">{r.documentSha256}</span>
              </Descriptions.Item>
              {fileHash ? (
                <Descriptions.Item label={t('features.portal.result.confirmation.yourSha256')}>
                  <span className="hash">{fileHash}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
