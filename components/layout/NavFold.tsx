"use client";
// On a phone the sections fold behind one "Menu" button: a <details> disclosure, so it opens
// and closes without JavaScript and is announced as expanded or collapsed. From the `sm`
// breakpoint the summary is hidden and the content always shown (globals.css, .fold), where the
// browser can style ::details-content; elsewhere the button stays, and still works.
// With JavaScript: closed again after following a link, and Escape closes it.
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

export function NavFold({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // Closed when the page changes, not when the scripts arrive: a menu opened while a slow
  // connection was still loading them stays open.
  const shownFor = useRef(pathname);
  useEffect(() => {
    if (shownFor.current === pathname) return;
    shownFor.current = pathname;
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={ref}
      className={`fold ${className}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className="inline-flex cursor-pointer list-none items-center gap-2 rounded-md border border-stone-300 px-3 py-1.5 text-sm text-stone-800 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M2 4h12M2 8h12M2 12h12" />
        </svg>
        {label}
      </summary>
      {children}
    </details>
  );
}
