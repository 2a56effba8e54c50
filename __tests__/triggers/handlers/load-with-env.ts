/**
 * Loads a handler module afresh with some environment variables set (undefined: unset), as Lambda does
 * when a function starts, and restores the environment afterwards.
 */
export function loadWithEnv<Module>(load: () => Module, env: Record<string, string | undefined>): Module {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(env);
  try {
    let loaded!: Module;
    jest.isolateModules(() => {
      loaded = load();
    });
    return loaded;
  } finally {
    apply(saved);
  }
}
