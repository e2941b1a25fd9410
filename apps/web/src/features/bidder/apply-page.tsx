import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { isShare, sumShares } from '@web/lib/shares';
import { useApply, useMyBidder, usePublicLot } from './api';
import { hintOf, IdentityCodeHintText, useCodeRule } from './identity-code-hint';
import { QueryState } from '@web/components/query-state';

interface ApplyForm {
  mode: 'alone' | 'joint';
  myCode?: string;
  myShare?: string;
  partners?: Array<{ identifier?: string; share?: string }>;
}

/** The server names a joint group's problems by `partners[i].identifier`/`.share`, the lead at index 0 here. */
function formFieldOf(field: string): Array<string | number> | null {
  const m = /^partners\[(\d+)\]\.(identifier|share)$/.exec(field);
  if (!m) return null;
  const index = Number(m[1]);
  if (index === 0) return [m[2] === 'identifier' ? 'myCode' : 'myShare'];
  return ['partners', index - 1, m[2]!];
}

/**
 * Applying for a lot: alone, or as the lead of a joint group (联合竞买) naming every member by its
 * credit code or ID number with its share. The partners are invited; the API never says whether a code
 * belongs to a registered bidder, nor whose it is, before the partner accepts.
 */
export function ApplyPage() {
  const { lotId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lot = usePublicLot(lotId);
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.apply.title', { lot: lot.data ? `${lot.data.lotNumber} ${lot.data.title}` : '' })}</h1>
      <QueryState query={lot}>
        {(l) => (
          <Panel id="lot-info" title={t('features.bidder.apply.lotInfo')}>
            <dl className="field-list">
              <dt>{t('features.bidder.apply.lotNumber')}</dt>
              <dd>{l.lotNumber}</dd>
              <dt>{t('features.bidder.apply.startPrice')}</dt>
              <dd>
                <MoneyText amount={l.startPrice} />
              </dd>
              <dt>{t('features.bidder.apply.deposit')}</dt>
              <dd>
                <MoneyText amount={l.deposit} capital />
              </dd>
              <dt>{t('features.bidder.apply.applicationEnd')}</dt>
              <dd>{l.schedule.applicationEnd ? formatDateTime(l.schedule.applicationEnd, i18n.language) : '—'}</dd>
              <dt>{t('features.bidder.apply.depositDeadline')}</dt>
              <dd>{l.schedule.depositDeadline ? formatDateTime(l.schedule.depositDeadline, i18n.language) : '—'}</dd>
            </dl>
          </Panel>
        )}
      </QueryState>
      <ApplyFormPanel lotId={lotId} />
    </div>
  );
}

function ApplyFormPanel({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyBidder();
  const apply = useApply(lotId);
  const [form] = Form.useForm<ApplyForm>();
  const [error, setError] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form) ?? 'alone';
  const myCode = Form.useWatch('myCode', form);
  const myShare = Form.useWatch('myShare', form);
  const partners = Form.useWatch('partners', form) ?? [];
  const partnerCodeRule = useCodeRule('either');
  const total = sumShares([myShare, ...partners.map((p) => p?.share)]);
  const shareRules = [
    { required: true, message: t('features.bidder.apply.shareInvalid') },
    {
      validator: async (_: unknown, v?: string) => {
        if (v && !isShare(v)) throw new Error(t('features.bidder.apply.shareInvalid'));
      },
    },
  ];

  const submit = async (values: ApplyForm) => {
    setError(null);
    if (values.mode === 'joint' && total !== '100.00') return setError(t('features.bidder.apply.shareSum'));
    const group =
      values.mode === 'joint'
        ? [{ identifier: values.myCode!.trim(), share: values.myShare!.trim() }, ...(values.partners ?? []).map((p) => ({ identifier: (p.identifier ?? '').trim(), share: (p.share ?? '').trim() }))]
        : undefined;
    try {
      const app = await apply.mutateAsync(group);
      void navigate(`/bidder/applications/${app.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) return setError(String(err));
      const placed = err.errors.flatMap((e) => {
        const name = e.field ? formFieldOf(e.field) : null;
        return name ? [{ name, errors: [e.message] }] : [];
      });
      if (placed.length > 0) form.setFields(placed as Parameters<typeof form.setFields>[0]);
      if (placed.length < err.errors.length || err.errors.length === 0) setError(err.message);
    }
  };

  return (
    <Panel id="apply-form" title={t('features.bidder.apply.mode')}>
      {error ? <Alert type="error" showIcon title={error} className="form-alert" role="alert" /> : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'alone', myShare: '', partners: [{}] }}>
        <Form.Item name="mode" label={t('features.bidder.apply.mode')}>
          <Radio.Group
            onChange={(e) => {
              if (e.target.value === 'joint' && !form.getFieldValue('myCode')) form.setFieldValue('myCode', me.data?.creditCode ?? '');
            }}
            options={[
              { value: 'alone', label: t('features.bidder.apply.alone') },
              { value: 'joint', label: t('features.bidder.apply.joint') },
            ]}
          />
        </Form.Item>
        {mode === 'joint' ? (
          <>
            <p>{t('features.bidder.apply.jointHelp')}</p>
            <div className="partner-row">
              <Form.Item
                name="myCode"
                label={t('features.bidder.apply.myCode')}
                rules={[{ required: true, message: t('features.bidder.apply.myCode') }, partnerCodeRule]}
                validateTrigger="onBlur"
                extra={<IdentityCodeHintText hint={hintOf('either', myCode)} />}
              >
                <Input maxLength={24} spellCheck={false} />
              </Form.Item>
              <Form.Item name="myShare" label={t('features.bidder.apply.myShare')} rules={shareRules}>
                <Input inputMode="decimal" suffix="%" />
              </Form.Item>
            </div>
            <Form.List name="partners">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <PartnerRow key={field.key} index={index} name={field.name} code={partners[index]?.identifier} shareRules={shareRules} onRemove={fields.length > 1 ? () => remove(field.name) : undefined} />
                  ))}
                  <Button onClick={() => add({})}>{t('features.bidder.apply.addPartner')}</Button>
                </>
              )}
            </Form.List>
            <p role="status" className={total === '100.00' ? 'code-hint ok' : 'code-hint bad'}>
              {t('features.bidder.apply.shareTotal', { total })}
            </p>
          </>
        ) : null}
        <Button type="primary" htmlType="submit" loading={apply.isPending} size="large">
          {t('features.bidder.apply.submit')}
        </Button>
      </Form>
    </Panel>
  );
}

function PartnerRow({ index, name, code, shareRules, onRemove }: { index: number; name: number; code?: string; shareRules: object[]; onRemove?: () => void }) {
  const { t } = useTranslation();
  const n = index + 1;
  const partnerCodeRule = useCodeRule('either');
  return (
    <fieldset className="form-group partner-row">
      <legend>{t('features.bidder.apply.partner', { n })}</legend>
      <Form.Item
        name={[name, 'identifier']}
        label={t('features.bidder.apply.partnerCode')}
        rules={[{ required: true, message: t('features.bidder.apply.partnerCode') }, partnerCodeRule]}
        validateTrigger="onBlur"
        extra={<IdentityCodeHintText hint={hintOf('either', code)} />}
      >
        <Input maxLength={24} spellCheck={false} />
      </Form.Item>
      <Form.Item name={[name, 'share']} label={t('features.bidder.apply.partnerShare')} rules={shareRules}>
        <Input inputMode="decimal" suffix="%" />
      </Form.Item>
      {onRemove ? (
        <Button type="link" danger onClick={onRemove}>
          {t('features.bidder.apply.removePartner', { n })}
        </Button>
      ) : null}
    </fieldset>
  );
}
