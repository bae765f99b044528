import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

/** Header, main landmark and footer of every citizen page. */
export function PageShell({ path, wide, children }: { path: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <>
      <SiteHeader currentPath={path} />
      {/* Wide: reference pages (code and tables) use the width a desk screen has. */}
      <main id="main" className={`mx-auto ${wide ? "max-w-6xl" : "max-w-2xl"} px-4 py-6`}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
