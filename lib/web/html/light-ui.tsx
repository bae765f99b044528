import type { ReactNode } from "react";
import { LIGHT } from "@/lib/web/html/light-classes";

// The pieces the light pages' bodies are made of (light-classes.ts says why their classes are listed there):
// React components like every citizen page's, rendered by the light renderer (render-light-page.ts).

/** A sentence with one part isolated in its own direction: a phone number in an Arabic sentence, say. */
export function WithIsolated({
  sentence,
  marker,
  children,
}: {
  sentence: string;
  marker: string;
  children: ReactNode;
}) {
  const at = sentence.indexOf(marker);
  if (at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      {children}
      {sentence.slice(at + marker.length)}
    </>
  );
}

/**
 * A phone number stays left-to-right inside an Arabic sentence, and whole on one line while it fits: an
 * inline block moves to the next line as one piece, and wraps only when wider than the screen (200 % text).
 */
export function PhoneNumber({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" className={LIGHT.number}>
      {children}
    </bdi>
  );
}

/** The light pages that only say something: a title, a sentence, and where to go from here. */
export function LightMessage({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <>
      <h1 className={LIGHT.h1}>{title}</h1>
      <p className={LIGHT.p}>{text}</p>
      {children}
    </>
  );
}

export function ActionLink({
  href,
  kind = "primary",
  children,
}: {
  href: string;
  kind?: "primary" | "secondary";
  children: ReactNode;
}) {
  return (
    <a className={LIGHT[kind]} href={href}>
      {children}
    </a>
  );
}

/** A refusal already in force: what it is, and its receipt. */
export function RefusalNote({
  children,
  receiptHref,
  receiptLabel,
}: {
  children: ReactNode;
  receiptHref: string;
  receiptLabel: string;
}) {
  return (
    <p className={LIGHT.note}>
      {children}
      <br />
      <a className={LIGHT.link} href={receiptHref}>
        {receiptLabel}
      </a>
    </p>
  );
}

/** A full-width submit button of the form's `choice`, with its hint below, the hint read with it by screen readers. */
export function ChoiceButton({
  value,
  kind,
  label,
  hint,
  hintId,
}: {
  value: string;
  kind: "primary" | "secondary";
  label: string;
  hint?: string;
  hintId?: string;
}) {
  return (
    <>
      <button
        className={LIGHT[kind]}
        type="submit"
        name="choice"
        value={value}
        aria-describedby={hint ? hintId : undefined}
      >
        {label}
      </button>
      {hint && (
        <p className={LIGHT.hint} id={hintId}>
          {hint}
        </p>
      )}
    </>
  );
}
