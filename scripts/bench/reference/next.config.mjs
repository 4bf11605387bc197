import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
export default {
  poweredByHeader: false,
  // next and react resolve from the repository's node_modules, three folders up. Built with
  // webpack (scripts/bench.ts says why).
  outputFileTracingRoot: path.resolve(here, "../../.."),
};
