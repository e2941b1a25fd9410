import { Pagination } from 'antd';
import { useSearchParams } from 'react-router';

/** The page of a list kept in the address (`?page=N`), so that any page can be linked and reloaded. */
export function pageOf(params: URLSearchParams): number {
  return Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
}

/** Pagination of a list whose page is the address's `?page=N`; the other parameters (filters) stay. */
export function UrlPagination({ total, pageSize }: { total: number; pageSize: number }) {
  const [params, setParams] = useSearchParams();
  return (
    <Pagination
      className="list-pagination"
      current={pageOf(params)}
      pageSize={pageSize}
      total={total}
      showSizeChanger={false}
      hideOnSinglePage
      onChange={(p) => {
        const next = new URLSearchParams(params);
        next.set('page', String(p));
        setParams(next);
      }}
    />
  );
}
