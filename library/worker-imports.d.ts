// Vite's `?worker` imports (see vite/client), declared here since the project's tsconfig does not load vite/client.
declare module '*?worker' {
  const WorkerConstructor: { new (options?: { name?: string }): Worker };
  export default WorkerConstructor;
}
