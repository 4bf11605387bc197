// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas that validate the
// queries and shape the responses, so the document cannot drift from the code.
import { z } from "zod";
import { applicationFiltersSchema } from "../validation/applications";
import { statsFiltersSchema, statsFiguresSchema } from "../validation/stats";
import { applicationListSchema, caseSchema, errorSchema, exportQuerySchema } from "../validation/api";
import { exportDocumentSchema } from "../data/export";
import { queryObject, unwrapPreprocess } from "./query";
import { searchQuerySchema, searchResultSchema } from "../validation/search";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

function queryParameters(schema: z.ZodType): Json[] {
  const object = queryObject(schema);
  return Object.entries(object.shape).map(([name, field]) => {
    const s = jsonSchema(unwrapPreprocess(field as z.ZodType), "input");
    const { description, ...rest } = s;
    const required = !(field as z.ZodType).safeParse(undefined).success && !("default" in rest);
    return { name, in: "query", required, ...(description ? { description } : {}), schema: rest };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: Json, description = "OK") => ({ description, content: { "application/json": { schema } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      jsonBody(ref("Error"), {
        400: "A query parameter is not valid; `issues` lists each one.",
        401: "The bearer token is malformed, unknown, revoked or expired, or its account is locked (or, for the export, no credentials were sent).",
        403: "The token lacks the `export` scope (tokens are made with `read`, and `export` when ticked).",
        404: "Not found, or private to a group the caller is not in.",
        429: "Too many requests from this token or address; see Retry-After.",
      }[s]),
    ]),
  );

export function buildOpenApiDocument(serverUrl: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Assembly permit tracker — open data API",
      version: "1",
      description:
        "Notifications and permit applications to hold assemblies, the authorities' answers and refusal grounds, appeals, hearings, rulings, incidents, and the sources they rest on. Anonymous callers see public records. A member's personal API token (Settings → API tokens) adds their group's private records. Personal data (IIN, address, phone, private people's names) is shown only to members of the group that keeps it: for everyone else it is left out of the people listed and replaced by a \"[withheld]\" mark wherever a text mentions it. Notes are the owning group's and appear only for its members; `publicNote` is the remark the group published.",
    },
    servers: [{ url: serverUrl }],
    security: [{}, { bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token, apt_…" } },
      schemas: {
        ApplicationList: jsonSchema(applicationListSchema),
        Case: jsonSchema(caseSchema),
        Stats: jsonSchema(statsFiguresSchema),
        ExportDocument: jsonSchema(exportDocumentSchema),
        Error: jsonSchema(errorSchema),
      },
    },
    paths: {
      "/api/v1/applications": {
        get: {
          operationId: "listApplications",
          summary: "Applications, filtered and paginated (the filters of the applications list page).",
          parameters: queryParameters(applicationFiltersSchema),
          responses: { 200: jsonBody(ref("ApplicationList")), ...errors(400, 401, 429) },
        },
      },
      "/api/v1/applications/{id}": {
        get: {
          operationId: "getApplication",
          summary: "One whole case: parts, answers with grounds and evidence, appeals with hearings and rulings, events, incidents, citations.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: jsonBody({ type: "object", properties: { data: ref("Case") }, required: ["data"] }), ...errors(401, 404, 429) },
        },
      },
      "/api/v1/stats": {
        get: {
          operationId: "getStats",
          summary: "Refusal statistics: by ground, outcomes per year, appeals, time to answer, pretext signals.",
          parameters: queryParameters(statsFiltersSchema),
          responses: { 200: jsonBody({ type: "object", properties: { data: ref("Stats") }, required: ["data"] }), ...errors(400, 401, 429) },
        },
      },
      "/api/v1/search": {
        get: {
          operationId: "search",
          summary:
            "Full-text search across applications, answers (the verbatim reasons), appeal stages, hearings, events, incidents, sources and the recognised text of attached documents: ranked, the matching words marked. Anonymous callers find public records; a token adds its group's own, their notes included.",
          parameters: queryParameters(searchQuerySchema),
          responses: { 200: jsonBody(jsonSchema(searchResultSchema)), ...errors(400, 401, 429) },
        },
      },
      "/api/v1/export": {
        get: {
          operationId: "exportGroup",
          summary:
            "A group's own records (members only): the JSON export document, or one entity as CSV. A token needs the `export` scope. People's ID numbers, addresses and phones are included for the group's admins and editors only; a viewer's export has them blank.",
          parameters: queryParameters(exportQuerySchema),
          responses: {
            200: {
              description: "OK",
              content: { "application/json": { schema: ref("ExportDocument") }, "text/csv": { schema: { type: "string" } } },
            },
            ...errors(400, 401, 403, 404, 429),
          },
        },
      },
    },
  };
}
