/**
 * A reference global-search statement, measured raw while GET /api/search does not exist yet: what such an
 * endpoint has to do at the least with the trigram indexes the schema has (contacts_name_trgm,
 * contact_emails_trgm, companies_name_trgm, companies_domain_trgm): substring or trigram-similar matches on
 * contact names, contact emails, company names and domains, best 10 of each, merged by similarity.
 * Values: $1 workspace id, $2 the lower-cased query, $3 the same as a LIKE pattern ('%…%', wildcards escaped).
 */
export const referenceSearchSql = `select * from (
  (select 'contact' as kind, c.id, c.display_name as title, c.email as subtitle, similarity(lower(c.display_name), $2) as score
     from contacts c
    where c.workspace_id = $1 and c.deleted_at is null and (lower(c.display_name) like $3 or lower(c.display_name) % $2)
    order by score desc limit 10)
  union all
  (select 'contact', c.id, c.display_name, e.email, similarity(e.email, $2) as score
     from contact_emails e join contacts c on c.workspace_id = e.workspace_id and c.id = e.contact_id and c.deleted_at is null
    where e.workspace_id = $1 and (e.email like $3 or e.email % $2)
    order by score desc limit 10)
  union all
  (select 'company', co.id, co.name, co.domain, greatest(similarity(lower(co.name), $2), similarity(co.domain, $2)) as score
     from companies co
    where co.workspace_id = $1 and co.deleted_at is null
      and (lower(co.name) like $3 or lower(co.name) % $2 or co.domain like $3 or co.domain % $2)
    order by score desc limit 10)
) r order by score desc limit 20`;

/** The values of the reference statement for one query. */
export function referenceSearchValues(workspaceId: string, query: string): unknown[] {
  const q = query.trim().toLowerCase();
  return [workspaceId, q, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`];
}
