"use client";
// Every page: registers the service worker (lib/offline/sw.ts), and when the connection is gone
// says so — the page is a read-only copy from the time the server sent it. Forms that cannot keep a
// draft are stopped before they send (nothing would arrive); a new application or incident
// keeps its draft (components/offline/useDraftForm). Drafts waiting to be sent are listed.
import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { listDrafts, PAGE_CACHE } from "@/lib/offline/drafts";

export function OfflineBanner() {
  const t = useTranslations("phone.offline");
  const format = useFormatter();
  const pathname = usePathname();
  const [online, setOnline] = useState(true);
  // Answered from the service worker's cache while the browser thought it was online (a network
  // that does not answer): a copy all the same.
  const [copy, setCopy] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [drafts, setDrafts] = useState<{ key: string; path: string }[]>([]);
  const first = useRef(true);
  // When the copy shown was made: the Date header the server sent with the page the service
  // worker kept (not a time written into every page, which would make two renders differ).
  const [copiedAt, setCopiedAt] = useState<string | null>(null);

  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) setBlocked(false);
    };
    const readDrafts = () => setDrafts(listDrafts().map((d) => ({ key: d.key, path: d.path })));
    // Capture phase, before React's own listener: a form that cannot keep a draft must not try to send.
    const stop = (e: Event) => {
      const form = e.target as HTMLFormElement | null;
      if (navigator.onLine || !form || form.hasAttribute("data-offline-draft") || form.method.toLowerCase() === "get") return;
      e.preventDefault();
      e.stopImmediatePropagation();
      setBlocked(true);
    };
    const answer = (e: MessageEvent) => {
      if ((e.data as { type?: string })?.type === "cached-copy") setCopy(Boolean((e.data as { value?: boolean }).value));
    };
    navigator.serviceWorker?.addEventListener("message", answer);
    navigator.serviceWorker?.startMessages();
    navigator.serviceWorker?.controller?.postMessage({ type: "was-cached" });
    update();
    readDrafts();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    window.addEventListener("tracker-drafts", readDrafts);
    window.addEventListener("storage", readDrafts);
    window.addEventListener("submit", stop, true);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      window.removeEventListener("tracker-drafts", readDrafts);
      window.removeEventListener("storage", readDrafts);
      window.removeEventListener("submit", stop, true);
      navigator.serviceWorker?.removeEventListener("message", answer);
    };
  }, []);

  useEffect(() => {
    if (first.current) {
      // The page loaded from the network was kept by the service worker as it passed.
      first.current = false;
    } else if (navigator.onLine) {
      // Opened through a link inside the app: ask for its HTML to be kept as well.
      navigator.serviceWorker?.controller?.postMessage({ type: "keep-page", url: window.location.href });
    }
    // Reaching the sign-in page online means no member is signed in here: no page of one stays.
    if (pathname === "/signin" && navigator.onLine && typeof caches !== "undefined") caches.delete(PAGE_CACHE).catch(() => undefined);
  }, [pathname]);

  const offline = !online || copy;
  useEffect(() => {
    if (!offline || typeof caches === "undefined") return;
    caches
      .open(PAGE_CACHE)
      // Ignoring Vary as the service worker does (lib/offline/sw.ts): a cached page varies on Cookie and Accept-Language, which this lookup does not send.
      .then((c) => c.match(window.location.href.split("#")[0], { ignoreVary: true }))
      .then((r) => setCopiedAt(r?.headers.get("date") ?? null))
      .catch(() => undefined);
  }, [offline, pathname]);

  const elsewhere = drafts.filter((d) => d.path.split("?")[0] !== pathname);
  if (!offline && elsewhere.length === 0) return null;
  const stamp = copiedAt ? new Date(copiedAt) : null;
  const time = stamp && !Number.isNaN(stamp.getTime()) ? format.dateTime(stamp, { dateStyle: "medium", timeStyle: "short" }) : "";
  return (
    <div className="no-print border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900" data-testid="offline-banner">
      {offline ? (
        <p role="status">
          <strong>{time ? t("banner", { time }) : t("bannerUndated")}</strong>
        </p>
      ) : null}
      {blocked && offline ? <p role="alert">{t("blocked")}</p> : null}
      {elsewhere.length ? (
        <p>
          {t("draftsWaiting", { count: elsewhere.length })} <a href={elsewhere[0].path}>{t("openDraft")}</a>
        </p>
      ) : null}
    </div>
  );
}
