import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';

/** A query's three faces: loading, failed (the server's message and a retry), its data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Spin className="page-spin"/>;
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('common.loadFailed', { message: query.error.message })}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  return <>{children(query.data)}</>;
}
