import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

/** Header, main landmark and footer of every citizen page. */
export function PageShell({ path, children }: { path: string; children: React.ReactNode }) {
  return (
    <>
      <SiteHeader currentPath={path} />
      <main id="main" className="mx-auto max-w-2xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
