/**
 * The client side of the wire types in lib/model/scan.ts: the server answers with `json<T>()`, the browser reads
 * the same T here. The one place where parsed JSON takes its declared type.
 */
export async function readJsonAs<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
