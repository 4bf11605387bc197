// Rendered once at build time: the ceiling for any page.
export default function StaticPage() {
  return <h1>Static reference page</h1>;
}
