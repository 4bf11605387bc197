// "@name" in a comment: which of the people who may read the case it names. A person is named
// by "@" and their full name or the part of their email before "@", in any case, followed by
// anything but a letter or digit (so "@Ann" does not name "Anna").

export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The handles a person answers to: the full name and the email's local part. */
export function handlesOf(p: Mentionable): string[] {
  return [p.name.trim(), p.email.split("@")[0]?.trim() ?? ""].filter((h) => h.length >= 2);
}

/** The ids of the people `body` mentions, each once, in the order of `people`. */
export function mentionedIn(body: string, people: readonly Mentionable[]): string[] {
  const out: string[] = [];
  for (const p of people) {
    const named = handlesOf(p).some((h) => new RegExp(`(^|[^\\p{L}\\p{N}_.@])@${escape(h)}(?![\\p{L}\\p{N}_])`, "iu").test(body));
    if (named && !out.includes(p.userId)) out.push(p.userId);
  }
  return out;
}
