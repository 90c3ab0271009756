export function parseAdminUrl(text: string): { root: string; database: string; auth?: string };
export function setupTeam(adminUrl: string, options?: { users?: { name: string; password: string; roles: string[] }[] }): Promise<string[]>;
