import { Alert, Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotSnapshot } from '@app/contracts';
import { Countdown } from '@web/components/countdown';
import { MoneyInput } from '@web/components/money-input';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { addAreaSteps, addShareStepsAsPercent, checkPrice, formatAreaM2, formatShare, parseAreaInput, parseShareInput, type BidTerms } from '@web/lib/lot-room/bid-terms';
import { formatYuanAmount, parseMoneyInput } from '@web/lib/money';
import type { ServerClock } from '@web/lib/server-clock';
import { ConfirmBid, useMoneyRows, type ConfirmRow } from './confirm-bid';
import { useRefusalText } from './refusal-text';
import type { Submission, SubmissionKind } from './use-bidding';

export interface BidPanelProps {
  view: LotSnapshot;
  you: string | null;
  terms: BidTerms;
  /** "L01 寿光市…": named in the confirmation. */
  lotLabel: string;
  submissions: readonly Submission[];
  send: (kind: SubmissionKind, value: string | null) => Promise<Submission['status']>;
  /** For the phone's summary line above the controls (the board may have scrolled away). */
  clock: ServerClock;
}

const PRICE_PHASES: readonly LotSnapshot['phase'][] = ['listing', 'timed_round', 'auction_round'];

/** The bidding controls the lot's phase and cap mode call for, each with its own confirmation. */
export function BidPanel(props: BidPanelProps) {
  const { t } = useTranslation();
  const { view, you, submissions } = props;
  const last = submissions[0];
  let body: React.ReactNode;
  if (you === null) body = <p className="muted">{t('features.room.spectator')}</p>;
  else if (PRICE_PHASES.includes(view.phase)) body = <PriceForm {...props} />;
  else if (view.phase === 'cap_round' && view.capMode === 'build_in_area') body = <AreaForm {...props} />;
  else if (view.phase === 'cap_round' && view.capMode === 'self_held_share') body = <ShareForm {...props} />;
  else if (view.phase === 'cap_round' && view.capMode === 'lottery') body = <LotteryForm {...props} />;
  else if (view.phase === 'sealed_bidding' || (view.phase === 'cap_round' && view.capMode === 'one_sealed_price')) body = <SealedForm {...props} />;
  else if (view.phase === 'frozen' || view.phase === 'suspended') body = <p className="muted">{t('features.room.bid.frozen')}</p>;
  else if (view.phase === 'published' || view.phase === 'applying') body = <p className="muted">{t('features.room.bid.notYet')}</p>;
  else body = <p className="muted">{t('features.room.bid.closedPhase')}</p>;
  return (
    <Panel id="room-bid" title={t('features.room.bid.title')} className="room-bid">
      {/* A phone's summary of the board, hidden from screen readers: the board itself speaks. */}
      <div className="bid-mini" aria-hidden="true">
        {view.currentPrice ? <MoneyText amount={view.currentPrice} /> : null}
        {view.leaderNumber === null ? null : you !== null && view.leaderNumber === you ? (
          <span className="bid-mini-lead">{t('features.room.board.youLead')}</span>
        ) : (
          <span>{t('features.room.board.othersLead', { number: view.leaderNumber })}</span>
        )}
        {view.deadline && view.phase !== 'frozen' && view.phase !== 'suspended' ? <Countdown deadline={view.deadline} clock={props.clock} label={t('features.room.board.countdown')} className="bid-mini-clock" /> : null}
      </div>
      {body}
      <LastAnswer submission={last} />
    </Panel>
  );
}

/** The answer to the last thing sent, announced at once (the list below keeps them all). */
function LastAnswer({ submission }: { submission: Submission | undefined }) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  if (!submission || submission.status === 'pending') {
    return (
      <div className="bid-answer" aria-live="polite">
        {submission ? t('features.room.mine.pending') : null}
      </div>
    );
  }
  return submission.status === 'refused' ? (
    <Alert className="bid-answer" type="error" showIcon role="alert" data-testid="bid-refusal" title={t('features.room.mine.refusedWith', { reason: refusal(submission.code!, submission.message) })} />
  ) : (
    <Alert className="bid-answer" type="success" showIcon role="status" data-testid="bid-accepted" title={t('features.room.mine.committedAt', { seq: submission.seq })} />
  );
}

function PriceForm({ view, you, terms, lotLabel, send }: BidPanelProps) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const moneyRows = useMoneyRows();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const parsed = parseMoneyInput(text);
  const minimum = view.minimumNextPrice;
  const leading = view.leaderNumber !== null && view.leaderNumber === you;
  const rule =
    parsed.ok && minimum && view.increment
      ? checkPrice(parsed.value, { current: view.currentPrice, minimum, increment: view.increment, policy: terms.policy, maxJumpIncrements: terms.maxJumpIncrements, cap: view.capPrice })
      : null;
  const steps = [2, 5, 10].filter((n) => terms.maxJumpIncrements === null || n <= terms.maxJumpIncrements);
  const ready = parsed.ok && rule === null && !leading;
  const submit = () => {
    if (ready) setConfirming(parsed.value);
  };
  const confirm = async () => {
    const price = confirming!;
    setConfirming(null);
    if ((await send('price', price)) === 'committed') setText('');
  };
  return (
    <div className="bid-form">
      {leading ? <p className="lead-note">{t('features.room.bid.leading')}</p> : null}
      <MoneyInput
        value={text}
        onChange={setText}
        label={t('features.room.bid.price')}
        min={minimum ?? undefined}
        step={view.increment ?? undefined}
        steps={steps}
        serverError={rule ? refusal(rule) : undefined}
        onPressEnter={submit}
      />
      <Space wrap className="bid-actions">
        {minimum ? (
          <Button onClick={() => setText(minimum)} data-testid="bid-minimum">
            {t('features.room.bid.atMinimum')}
          </Button>
        ) : null}
        <Button type="primary" size="large" onClick={submit} disabled={!ready} data-testid="bid-submit">
          {t('features.room.bid.submit')}
        </Button>
      </Space>
      <ConfirmBid open={confirming !== null} lot={lotLabel} rows={confirming ? moneyRows(confirming) : []} onOk={() => void confirm()} onCancel={() => setConfirming(null)} />
    </div>
  );
}

/** A text input for an area (㎡) or a share (%), with a stepper of the cap rule's step. */
function StepInput({ label, suffix, value, onChange, onStep, stepLabel, error, onPressEnter }: { label: string; suffix: string; value: string; onChange: (v: string) => void; onStep: (() => void) | null; stepLabel: string; error: string | null; onPressEnter: () => void }) {
  const id = useId();
  return (
    <div className="money-input">
      <Space.Compact block>
        <Input id={id} aria-label={label} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} suffix={suffix} status={error ? 'error' : undefined} aria-invalid={error ? true : undefined} aria-describedby={`${id}-help`} onPressEnter={onPressEnter} />
        {onStep ? (
          <Button onClick={onStep} aria-label={`+1 ${stepLabel}`}>
            +1
          </Button>
        ) : null}
      </Space.Compact>
      <div id={`${id}-help`} className={error ? 'money-input-help money-input-error' : 'money-input-help'} aria-live="polite">
        {error}
      </div>
    </div>
  );
}

function useCapRows() {
  const { t } = useTranslation();
  const moneyRows = useMoneyRows();
  return (label: string, value: string, capPrice: string | null): ConfirmRow[] => [{ label, value, testId: 'confirm-value' }, ...(capPrice ? moneyRows(capPrice) : [])].map((r) => (r.testId === 'confirm-yuan' ? { ...r, label: t('features.room.board.capPrice') } : r));
}

function AreaForm({ view, terms, lotLabel, send }: BidPanelProps) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const capRows = useCapRows();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const parsed = parseAreaInput(text);
  const step = terms.areaStep;
  const lead = view.leadingArea ?? '0.00';
  const confirm = async () => {
    const area = confirming!;
    setConfirming(null);
    if ((await send('area', area)) === 'committed') setText('');
  };
  const submit = () => {
    if (parsed.ok) setConfirming(parsed.value);
  };
  return (
    <div className="bid-form">
      <p className="muted">{t('features.room.bid.areaIntro')}</p>
      <StepInput
        label={t('features.room.bid.area')}
        suffix="㎡"
        value={text}
        onChange={setText}
        onStep={step ? () => setText(addAreaSteps(parsed.ok ? parsed.value : lead, step, 1)) : null}
        stepLabel={t('features.room.bid.addAreaStep')}
        error={text.trim() !== '' && !parsed.ok ? refusal('INVALID_AREA') : null}
        onPressEnter={submit}
      />
      <Button type="primary" size="large" onClick={submit} disabled={!parsed.ok} data-testid="bid-submit">
        {t('features.room.bid.areaSubmit')}
      </Button>
      <ConfirmBid open={confirming !== null} lot={lotLabel} rows={confirming ? capRows(t('features.room.bid.confirmArea'), formatAreaM2(confirming), view.capPrice) : []} onOk={() => void confirm()} onCancel={() => setConfirming(null)} />
    </div>
  );
}

function ShareForm({ view, terms, lotLabel, send }: BidPanelProps) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const capRows = useCapRows();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const parsed = parseShareInput(text);
  const step = terms.shareStep;
  const lead = view.leadingShare ?? '0.0000';
  const confirm = async () => {
    const share = confirming!;
    setConfirming(null);
    if ((await send('share', share)) === 'committed') setText('');
  };
  const submit = () => {
    if (parsed.ok) setConfirming(parsed.value);
  };
  return (
    <div className="bid-form">
      <p className="muted">{t('features.room.bid.shareIntro')}</p>
      <StepInput
        label={t('features.room.bid.share')}
        suffix="%"
        value={text}
        onChange={setText}
        onStep={step ? () => setText(addShareStepsAsPercent(parsed.ok ? parsed.value : lead, step, 1)) : null}
        stepLabel={t('features.room.bid.addShareStep')}
        error={text.trim() !== '' && !parsed.ok ? refusal('INVALID_SHARE') : null}
        onPressEnter={submit}
      />
      <Button type="primary" size="large" onClick={submit} disabled={!parsed.ok} data-testid="bid-submit">
        {t('features.room.bid.shareSubmit')}
      </Button>
      <ConfirmBid open={confirming !== null} lot={lotLabel} rows={confirming ? capRows(t('features.room.bid.confirmShare'), formatShare(confirming), view.capPrice) : []} onOk={() => void confirm()} onCancel={() => setConfirming(null)} />
    </div>
  );
}

function LotteryForm({ view, lotLabel, submissions, send }: BidPanelProps) {
  const { t } = useTranslation();
  const moneyRows = useMoneyRows();
  const [confirming, setConfirming] = useState(false);
  const entered = submissions.some((s) => s.kind === 'optIn' && s.status === 'committed');
  const cap = view.capPrice ?? view.currentPrice ?? '0.00';
  return (
    <div className="bid-form">
      <p className="muted">{t('features.room.bid.lotteryIntro')}</p>
      {entered ? (
        <p className="lead-note">{t('features.room.bid.optedIn')}</p>
      ) : (
        <Button type="primary" size="large" onClick={() => setConfirming(true)} data-testid="bid-submit">
          {t('features.room.bid.optIn')}
        </Button>
      )}
      <ConfirmBid
        open={confirming}
        lot={lotLabel}
        rows={moneyRows(cap)}
        note={t('features.room.bid.confirmOptIn', { amount: formatYuanAmount(cap) })}
        onOk={() => {
          setConfirming(false);
          void send('optIn', null);
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function SealedForm({ lotLabel, submissions, send }: BidPanelProps) {
  const { t } = useTranslation();
  const moneyRows = useMoneyRows();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const parsed = parseMoneyInput(text);
  const done = submissions.find((s) => s.kind === 'sealed' && s.status === 'committed');
  if (done) return <p className="lead-note">{t('features.room.bid.sealedDone', { commitment: done.commitment ?? '' })}</p>;
  const submit = () => {
    if (parsed.ok) setConfirming(parsed.value);
  };
  return (
    <div className="bid-form">
      <p className="muted">{t('features.room.bid.sealedIntro')}</p>
      <MoneyInput value={text} onChange={setText} label={t('features.room.bid.sealedPrice')} onPressEnter={submit} />
      <Button type="primary" size="large" onClick={submit} disabled={!parsed.ok} data-testid="bid-submit">
        {t('features.room.bid.sealedSubmit')}
      </Button>
      <ConfirmBid
        open={confirming !== null}
        lot={lotLabel}
        rows={confirming ? moneyRows(confirming) : []}
        note={t('features.room.bid.confirmSealed')}
        onOk={() => {
          const price = confirming!;
          setConfirming(null);
          void send('sealed', price);
        }}
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
