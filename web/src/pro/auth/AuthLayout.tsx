// The frame of the account pages: brand, language switch, one centred card.
import type { ReactNode } from "react";
import { LanguageSwitch } from "../../components/LanguageSwitch.tsx";
import { useDocumentTitle } from "../../components/ui.tsx";

export function AuthLayout(props: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  useDocumentTitle(props.title);
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-4 py-4">
        <span className="text-lg font-semibold tracking-tight text-teal-900">Cadre</span>
        <LanguageSwitch area="pro" />
      </header>
      <main
        id="main"
        className={`mx-auto px-4 pt-6 pb-16 ${props.wide ? "max-w-2xl" : "max-w-md"}`}
      >
        <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-xs sm:p-8">
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{props.title}</h1>
          {props.intro && <div className="mt-2 text-sm text-stone-600">{props.intro}</div>}
          <div className="mt-6">{props.children}</div>
        </div>
      </main>
    </div>
  );
}
