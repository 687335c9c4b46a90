import Link from 'next/link';
import { NotFoundMessage } from '@/components/ui/not-found-message';

export default function ReportNotFound() {
  return (
    <NotFoundMessage
      title="No such report"
      why="No report has this id on this server. It may have been deleted, or the link was cut short."
      next={
        <>
          <Link href="/reports">See the saved reports</Link> or <Link href="/impact">scan a cluster</Link>
        </>
      }
    />
  );
}
