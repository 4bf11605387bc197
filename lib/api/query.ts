// Query strings for the API: validated by the same zod schemas as the pages, with one
// addition — an unknown parameter is an error, so a misspelt filter is not silently ignored.
import { z } from "zod";
import { badParameters } from "./errors";

/** A preprocessed schema's inner schema (preprocess = pipe from a transform). */
export function unwrapPreprocess(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodPipe && schema.in instanceof z.ZodTransform ? unwrapPreprocess(schema.out as z.ZodType) : schema;
}

/** The object schema behind a query schema, for its parameter names and their JSON Schema. */
export function queryObject(schema: z.ZodType): z.ZodObject {
  const inner = unwrapPreprocess(schema);
  if (!(inner instanceof z.ZodObject)) throw new Error("a query schema must be an object");
  return inner;
}

/** Parses the URL's query with `schema`; 400 with every problem listed otherwise. */
export function parseQuery<T extends z.ZodType>(schema: T, url: URL, prepare: (p: URLSearchParams) => unknown = (p) => p): z.output<T> {
  const known = new Set(Object.keys(queryObject(schema).shape));
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !known.has(k));
  const parsed = schema.safeParse(prepare(url.searchParams));
  const issues: z.core.$ZodIssue[] = [
    ...unknown.map((k) => ({ code: "custom" as const, path: [k], message: "unknown_parameter", input: url.searchParams.get(k) })),
    ...(parsed.success ? [] : parsed.error.issues),
  ];
  if (issues.length) throw badParameters(new z.ZodError(issues));
  return parsed.data as z.output<T>;
}
