import type { CaseFile } from "@/lib/data/case-file";
import { CASE_FILE_CSS, renderCaseFileHtml } from "./render-html";

/**
 * The case file inside the app: the very HTML a share link serves (render-html.ts escapes
 * every value), so members print exactly what a lawyer would read.
 */
export function CaseFileView({ file }: { file: CaseFile }) {
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: CASE_FILE_CSS }} />
      <div dangerouslySetInnerHTML={{ __html: renderCaseFileHtml(file) }} />
    </>
  );
}
