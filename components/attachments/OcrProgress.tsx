"use client";
// While a document's text is being read: refreshes the page's server data every few seconds
// (the status itself is in the HTML, so without JavaScript a reload does the same). Stops after
// a while so a forgotten tab does not poll for ever.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 5_000;
const AT_MOST = 60;

export function OcrProgress() {
  const router = useRouter();
  useEffect(() => {
    let n = 0;
    const timer = setInterval(() => {
      if (++n > AT_MOST || document.hidden) {
        if (n > AT_MOST) clearInterval(timer);
        return;
      }
      router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
