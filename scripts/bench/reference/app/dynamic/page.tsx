// Rendered on every request, as the tracker's pages are for members.
export const dynamic = "force-dynamic";

export default function DynamicPage() {
  return <h1>Dynamic reference page</h1>;
}
