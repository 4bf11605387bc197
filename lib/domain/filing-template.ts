// The filing templates' small language, interpreted here and nowhere else. A template is data
// an operator edits, so it must never run code: it has named placeholders and conditions only.
//
//   {{authority.name}}                       a value from the case (or a "missing" marker)
//   {{#if refusal.number}} … {{/if}}         kept when the condition holds
//   {{#unless refusal.alternativeOffered}} … {{/unless}}
//   {{#if x}} … {{else}} … {{/if}}           either branch
//
// A condition holds when it is a true flag or a placeholder with a value. Blocks nest.
// Anything else between {{ and }} is an error the Settings editor shows before saving.

export type TemplateNode =
  | { type: "text"; text: string }
  | { type: "field"; name: string }
  | { type: "cond"; name: string; negate: boolean; then: TemplateNode[]; else: TemplateNode[] };

export interface TemplateProblem {
  code: "unclosed" | "unexpected_close" | "unexpected_else" | "bad_tag" | "unknown_name";
  /** The tag or name the problem is about. */
  detail: string;
}

export class TemplateSyntaxError extends Error {
  constructor(public readonly problem: TemplateProblem) {
    super(`${problem.code}: ${problem.detail}`);
  }
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Parses a template text; throws TemplateSyntaxError on a malformed tag or block. */
export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  // Open blocks, innermost last; `into` is where nodes go now (a block's then or else).
  const stack: { node: Extract<TemplateNode, { type: "cond" }>; tag: "if" | "unless"; inElse: boolean }[] = [];
  const into = () => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.else : top.node.then) : root;
  };
  let last = 0;
  for (const m of source.matchAll(TAG)) {
    if (m.index > last) into().push({ type: "text", text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    const body = m[1];
    const open = /^#(if|unless)\s+(\S+)$/.exec(body);
    if (open) {
      if (!NAME.test(open[2])) throw new TemplateSyntaxError({ code: "bad_tag", detail: m[0] });
      const node = { type: "cond" as const, name: open[2], negate: open[1] === "unless", then: [], else: [] };
      into().push(node);
      stack.push({ node, tag: open[1] as "if" | "unless", inElse: false });
      continue;
    }
    const close = /^\/(if|unless)$/.exec(body);
    if (close) {
      const top = stack.pop();
      if (!top || top.tag !== close[1]) throw new TemplateSyntaxError({ code: "unexpected_close", detail: m[0] });
      continue;
    }
    if (body === "else") {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw new TemplateSyntaxError({ code: "unexpected_else", detail: m[0] });
      top.inElse = true;
      continue;
    }
    if (!NAME.test(body)) throw new TemplateSyntaxError({ code: "bad_tag", detail: m[0] });
    into().push({ type: "field", name: body });
  }
  if (last < source.length) into().push({ type: "text", text: source.slice(last) });
  if (stack.length) throw new TemplateSyntaxError({ code: "unclosed", detail: `{{#${stack[stack.length - 1].tag} ${stack[stack.length - 1].node.name}}}` });
  return root;
}

/** Every placeholder and condition name a template uses. */
export function namesIn(nodes: readonly TemplateNode[], out = { fields: new Set<string>(), conditions: new Set<string>() }) {
  for (const n of nodes) {
    if (n.type === "field") out.fields.add(n.name);
    if (n.type === "cond") {
      out.conditions.add(n.name);
      namesIn(n.then, out);
      namesIn(n.else, out);
    }
  }
  return out;
}

/**
 * What is wrong with a template text, or an empty list: a syntax problem, or a name that is
 * neither a known placeholder nor a known condition (a typo would otherwise print nothing).
 */
export function checkTemplate(source: string, isKnown: (name: string, as: "field" | "condition") => boolean): TemplateProblem[] {
  let nodes: TemplateNode[];
  try {
    nodes = parseTemplate(source);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return [e.problem];
    throw e;
  }
  const { fields, conditions } = namesIn(nodes);
  const problems: TemplateProblem[] = [];
  for (const f of fields) if (!isKnown(f, "field")) problems.push({ code: "unknown_name", detail: f });
  for (const c of conditions) if (!isKnown(c, "field") && !isKnown(c, "condition")) problems.push({ code: "unknown_name", detail: c });
  return problems;
}

/** What interpreting leaves: literal text and the placeholders to fill, in order. */
export type Segment = { type: "text"; text: string } | { type: "field"; name: string };

/** Keeps the branches whose conditions hold; placeholders are left for the caller to fill. */
export function evaluate(nodes: readonly TemplateNode[], holds: (name: string) => boolean): Segment[] {
  const out: Segment[] = [];
  for (const n of nodes) {
    if (n.type === "text") out.push(n);
    else if (n.type === "field") out.push(n);
    else out.push(...evaluate(holds(n.name) !== n.negate ? n.then : n.else, holds));
  }
  return out;
}

/** parseTemplate then evaluate, for a text known to be valid (a stored template was checked on save). */
export function interpret(source: string, holds: (name: string) => boolean): Segment[] {
  return evaluate(parseTemplate(source), holds);
}
