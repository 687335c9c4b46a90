import Link from 'next/link';
import { NotFoundMessage } from '@/components/ui/not-found-message';

export default function ChangeNotFound() {
  return (
    <NotFoundMessage
      title="No such change"
      why="The catalog has no change with this id. It may have been renamed, or the link was cut short."
      next={<Link href="/changes">Browse all changes</Link>}
    />
  );
}
