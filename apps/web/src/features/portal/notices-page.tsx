import { Alert, Button, DatePicker, Empty, Form, Input, Select, Skeleton, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { Panel } from '@web/components/panel';
import { useFacets, useNotices, type NoticeQuery } from './api';
import { NoticeEntry } from './notice-entry';
import { pageOf, UrlPagination } from './url-pagination';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'kind', 'district', 'plannedUse', 'method', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const KINDS = ['announcement', 'amendment', 'suspension', 'resumption', 'termination', 'reserve_sealed', 'result'] as const;

/** The filters live in the URL, so a filtered list can be bookmarked and shared. */
function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}

/** The form's values: a select without a filter shows 全部 (its empty option), not a pale placeholder. */
const SELECTS = ['kind', 'district', 'plannedUse', 'method'] as const;
function formValuesOf(filters: Filters): Filters {
  return { ...Object.fromEntries(SELECTS.map((k) => [k, ''])), ...filters };
}

/** A day of the form is text (YYYY-MM-DD, as in the URL); the picker shows it only when it is a real calendar day. */
const dayValue = (text: string | undefined) => {
  const day = text ? dayjs(text) : null;
  return { value: day?.isValid() && day.format('YYYY-MM-DD') === text ? day : null };
};
const dayText = (day: Dayjs | null) => (day ? day.format('YYYY-MM-DD') : '');

/** 公告公示: every notice, searchable by title or number and filtered by kind, place, use, method and day. */
export function NoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const page = pageOf(params);
  // The URL is text; the API validates each value and answers a field error for a bad one.
  const notices = useNotices({ ...(filters as NoticeQuery), page, pageSize: PAGE_SIZE });
  const facets = useFacets();
  const [form] = Form.useForm<Filters>();
  const paramsText = params.toString();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(formValuesOf(filtersOf(new URLSearchParams(paramsText))));
  }, [form, paramsText]);

  const error = notices.error instanceof ApiError ? notices.error : null;
  useEffect(() => {
    if (!error) return;
    const fields = error.fieldErrors();
    form.setFields(Object.entries(fields).map(([name, message]) => ({ name: name as keyof Filters, errors: [message] })));
  }, [error, form]);
  const fieldError = error && Object.keys(error.fieldErrors()).some((f) => (FILTERS as readonly string[]).includes(f));

  const apply = (values: Filters) => {
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = values[k]?.trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  };
  const all = { value: '', label: t('features.portal.notices.all') };

  return (
    <>
      <header className="page-head">
        <h1 className="page-title">{t('features.portal.notices.title')}</h1>
        <p className="muted">{t('features.portal.notices.intro')}</p>
      </header>
      <Panel id="notice-filters" title={t('features.portal.notices.filters')} className="filters-panel">
        <Form form={form} layout="vertical" onFinish={apply} className="filter-form" initialValues={formValuesOf(filters)}>
          <Form.Item name="q" label={t('features.portal.notices.search')} className="filter-wide">
            <Input allowClear placeholder={t('features.portal.notices.searchPlaceholder')} maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('features.portal.notices.kind')}>
            <Select options={[all, ...KINDS.map((k) => ({ value: k, label: t(`portal.noticeKind.${k}`) }))]} />
          </Form.Item>
          <Form.Item name="district" label={t('features.portal.notices.district')}>
            <Select loading={facets.isPending} options={[all, ...(facets.data?.districts ?? []).map((d) => ({ value: d, label: d }))]} />
          </Form.Item>
          <Form.Item name="plannedUse" label={t('features.portal.notices.plannedUse')}>
            <Select options={[all, ...(facets.data?.plannedUses ?? []).map((u) => ({ value: u, label: t(`features.portal.plannedUse.${u}`) }))]} />
          </Form.Item>
          <Form.Item name="method" label={t('features.portal.notices.method')}>
            <Select options={[all, ...(facets.data?.methods ?? []).map((m) => ({ value: m, label: t(`method.${m}`) }))]} />
          </Form.Item>
          <Form.Item name="from" label={t('features.portal.notices.startDate')} getValueProps={dayValue} normalize={dayText}>
            <DatePicker className="filter-date" format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="to" label={t('features.portal.notices.endDate')} getValueProps={dayValue} normalize={dayText}>
            <DatePicker className="filter-date" format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item className="filter-actions">
            <Space>
              <Button type="primary" htmlType="submit">
                {t('features.portal.notices.search')}
              </Button>
              <Button onClick={() => setParams(new URLSearchParams())}>{t('features.portal.notices.reset')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Panel>
      <Panel id="notice-results" title={t('features.portal.notices.results')}>
        {notices.isPending ? (
          <Skeleton active />
        ) : notices.isError && !fieldError ? (
          <Alert type="error" showIcon title={notices.error.message} action={<Button onClick={() => void notices.refetch()}>{t('common.retry')}</Button>} />
        ) : !notices.data || notices.data.items.length === 0 || fieldError ? (
          <Empty description={t('features.portal.notices.empty')} />
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {t('features.portal.notices.total', { count: notices.data.total })}
            </p>
            <ul className="plain-list" data-testid="notice-list" aria-busy={notices.isPlaceholderData}>
              {notices.data.items.map((n) => (
                <NoticeEntry key={n.id} notice={n} announcementNumber={n.announcementNumber} className="notice-row" />
              ))}
            </ul>
            <UrlPagination total={notices.data.total} pageSize={PAGE_SIZE} />
          </>
        )}
      </Panel>
    </>
  );
}
