import { Metadata, type CountryCode } from "libphonenumber-js/core";
import metadataJson from "libphonenumber-js/metadata.max.json";

/**
 * A fast path for the shapes bulk lists nearly always use — `+212612345678` and `0612345678` for the
 * platform's own region — decided with libphonenumber's own "max" metadata, its regular expressions
 * compiled once. libphonenumber builds a RegExp per pattern per call (~11 µs a number); a wash or mint of
 * 100 000 numbers spent over a second there. The fast path only ever answers "valid, here is the E.164";
 * anything else (other shapes, other countries, doubtful prefixes, invalid numbers) returns null and goes
 * through the library, so reasons and edge cases stay the library's. `fast-parse.test.ts` checks it
 * agrees with the library on generated numbers.
 */

// The order libphonenumber's getNumberType tries them in (FIXED_LINE first).
const TYPES = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
] as const;

interface TypeRule {
  pattern: RegExp;
  lengths: number[] | undefined;
}

interface CompiledPlan {
  callingCode: string;
  nationalPrefix: string | undefined;
  general: RegExp;
  leadingDigits: RegExp | undefined;
  types: TypeRule[] | null; // null: the plan has no type patterns, the general pattern decides
}

// The runtime Metadata class has more accessors than its published typings declare.
interface PlanAccessors {
  callingCode(): string;
  nationalPrefix(): string | undefined;
  _nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const entirely = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const plans = new Map<string, CompiledPlan | null>();

function compilePlan(region: string): CompiledPlan | null {
  const metadata = new Metadata(metadataJson);
  if (!(metadata as unknown as { hasCountry(c: string): boolean }).hasCountry(region)) return null;
  metadata.selectNumberingPlan(region as CountryCode);
  const plan = (metadata as unknown as { numberingPlan: PlanAccessors }).numberingPlan;
  const callingCode = plan.callingCode();
  const countries = (metadataJson as unknown as { country_calling_codes: Record<string, string[]> })
    .country_calling_codes[callingCode];
  // Only when this region is the calling code's main country and national prefixes are plain strings:
  // then the library picks this region and strips nothing from a number that does not start with it.
  if (countries?.[0] !== region || plan._nationalPrefixForParsing() || plan.nationalPrefixTransformRule()) return null;
  const leadingDigits = plan.leadingDigits();
  return {
    callingCode,
    nationalPrefix: plan.nationalPrefix(),
    general: entirely(plan.nationalNumberPattern()),
    leadingDigits: leadingDigits ? new RegExp(`^(?:${leadingDigits})`) : undefined,
    types: plan.hasTypes()
      ? TYPES.flatMap((name) => {
          const type = plan.type(name);
          const pattern = type?.pattern();
          return pattern ? [{ pattern: entirely(pattern), lengths: type!.possibleLengths() }] : [];
        })
      : null,
  };
}

function isValidNational(plan: CompiledPlan, national: string): boolean {
  if (!plan.general.test(national)) return false;
  if (plan.types === null) return true;
  return plan.types.some(
    (type) => (!type.lengths || type.lengths.includes(national.length)) && type.pattern.test(national),
  );
}

const DIGITS = /^\d{4,17}$/;

/** The E.164 form of a plainly written, valid number of `region`, or null when the library must decide. */
export function fastParsePhone(input: string, region: string): string | null {
  let plan = plans.get(region);
  if (plan === undefined) plans.set(region, (plan = compilePlan(region)));
  if (!plan) return null;
  let national: string;
  if (input.startsWith("+")) {
    if (!input.startsWith(plan.callingCode, 1)) return null;
    national = input.slice(1 + plan.callingCode.length);
  } else if (plan.nationalPrefix && input.startsWith(plan.nationalPrefix)) {
    national = input.slice(plan.nationalPrefix.length);
    // The library keeps the prefix when the whole input is itself a national number: leave that to it.
    if (plan.general.test(input)) return null;
  } else return null;
  if (!DIGITS.test(national)) return null;
  if (plan.nationalPrefix && national.startsWith(plan.nationalPrefix)) return null;
  if (plan.leadingDigits && !plan.leadingDigits.test(national)) return null;
  return isValidNational(plan, national) ? `+${plan.callingCode}${national}` : null;
}
