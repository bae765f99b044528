import { serveOpenData } from "@/lib/web/serve-open-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveOpenData(request, file);
}
