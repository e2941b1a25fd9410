import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LotSnapshot } from '@app/contracts';
import { Countdown } from '@web/components/countdown';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatAreaM2, formatShare, incrementInWan, type BidTerms } from '@web/lib/lot-room/bid-terms';
import type { ServerClock } from '@web/lib/server-clock';

export interface PriceBoardProps {
  view: LotSnapshot;
  you: string | null;
  startPrice: string | null;
  terms: BidTerms;
  clock: ServerClock;
  warn: boolean;
  onTick: (secondsLeft: number) => void;
}

/** What a bidder watches: the price, who leads ("您领先" for itself), the time left, and the rules of the next bid. */
export function PriceBoard({ view, you, startPrice, terms, clock, warn, onTick }: PriceBoardProps) {
  const { t } = useTranslation();
  // A frozen or suspended lot's clock stands still (the frozen time is added to its deadline on resumption).
  const paused = view.phase === 'frozen' || view.phase === 'suspended';
  const counting = view.deadline !== null && !paused;
  const opens = !counting && view.opensAt && Date.parse(view.opensAt) > clock.now() ? view.opensAt : null;
  const youLead = you !== null && view.leaderNumber === you;
  const sold = view.phase === 'closed_sold';
  const price = view.currentPrice ?? startPrice;
  return (
    <Panel id="room-board" title={t('features.room.board.title')} className="room-board">
      <div className="board-price">
        <div className="board-label">{view.currentPrice ? t('features.room.board.currentPrice') : t('features.room.board.startPrice')}</div>
        <div className="current-price" data-testid="current-price" aria-live="polite" aria-atomic="true">
          {price ? <MoneyText amount={price} /> : '—'}
        </div>
        <div className="board-leader" data-testid="leader" aria-live="polite">
          {view.leaderNumber === null ? (
            <span className="muted">{t('features.room.board.noLeader')}</span>
          ) : youLead ? (
            <Tag color="#237804" className="lead-tag">
              {t(sold ? 'features.room.board.youWon' : 'features.room.board.youLead')}
            </Tag>
          ) : (
            <span>{t(sold ? 'features.room.board.othersWon' : 'features.room.board.othersLead', { number: view.leaderNumber })}</span>
          )}
        </div>
      </div>
      {counting || opens ? (
        <div className={warn ? 'board-countdown warn' : 'board-countdown'}>
          <span className="board-label">{counting ? t('features.room.board.countdown') : t('features.room.board.opensIn')}</span>
          <span className="countdown" data-testid="countdown">
            <Countdown deadline={counting ? view.deadline : opens} clock={clock} marks={terms.warningSeconds} label={counting ? t('features.room.board.countdown') : t('features.room.board.opensIn')} onTick={onTick} />
          </span>
        </div>
      ) : null}
      <dl className="board-facts">
        {view.phase === 'cap_round' ? null : (
          <>
            <div>
              <dt>{t('features.room.board.minimumNext')}</dt>
              <dd data-testid="minimum-next">{view.minimumNextPrice ? <MoneyText amount={view.minimumNextPrice} /> : '—'}</dd>
            </div>
            <div>
              <dt>{t('features.room.board.increment')}</dt>
              <dd data-testid="increment-policy">
                {view.increment
                  ? t(terms.policy === 'whole_multiple' ? 'features.room.board.policyWhole' : 'features.room.board.policyAtLeast', { amount: incrementInWan(view.increment) })
                  : '—'}
                {view.increment && terms.maxJumpIncrements ? t('features.room.board.maxJump', { count: terms.maxJumpIncrements }) : null}
              </dd>
            </div>
          </>
        )}
        {view.capPrice ? (
          <div>
            <dt>{t('features.room.board.capPrice')}</dt>
            <dd>
              <MoneyText amount={view.capPrice} />
            </dd>
          </div>
        ) : null}
        {view.leadingArea ? (
          <div>
            <dt>{t('features.room.board.leadingArea')}</dt>
            <dd data-testid="leading-area">{formatAreaM2(view.leadingArea)}</dd>
          </div>
        ) : null}
        {view.leadingShare ? (
          <div>
            <dt>{t('features.room.board.leadingShare')}</dt>
            <dd data-testid="leading-share">{formatShare(view.leadingShare)}</dd>
          </div>
        ) : null}
      </dl>
    </Panel>
  );
}
