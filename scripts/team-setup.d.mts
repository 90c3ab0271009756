/** A member to create: an editor of the codebook or a coder of the team (or exactly `roles`). */
export interface TeamUser {
  name: string;
  password: string;
  editor?: boolean;
  roles?: string[];
}
export function parseAdminUrl(text: string): { root: string; database: string; auth?: string };
export function setupTeam(adminUrl: string, options?: { users?: TeamUser[] }): Promise<string[]>;
