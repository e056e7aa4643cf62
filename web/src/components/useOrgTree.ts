// Lazy organisation tree state: roots first, children fetched only when a node is opened, so the
// tree stays fast with thousands of communes.
import { useCallback, useEffect, useState } from 'react';
import type { Org } from '../../../common/orgs.ts';
import { errorMessage } from '../api/client.ts';
import { orgsApi } from '../api/orgs.ts';

export interface OrgNode {
  key: string;
  title: string;
  isLeaf: boolean;
  org: Org;
  children?: OrgNode[];
}

const collator = new Intl.Collator('vi', { numeric: true });
const toNode = (org: Org): OrgNode => ({ key: org.id, title: org.name, isLeaf: org.childCount === 0, org });
const sortNodes = (orgs: Org[]) => [...orgs].sort((a, b) => collator.compare(a.name, b.name)).map(toNode);

function mapTree(nodes: OrgNode[], key: string, fn: (n: OrgNode) => OrgNode): OrgNode[] {
  return nodes.map((n) => {
    if (n.key === key) return fn(n);
    if (n.children) return { ...n, children: mapTree(n.children, key, fn) };
    return n;
  });
}

export function useOrgTree() {
  const [nodes, setNodes] = useState<OrgNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);

  const loadRoots = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const { items } = await orgsApi.roots();
      setNodes(sortNodes(items));
      setLoadedKeys([]);
      // A single root (the usual case for a provincial officer) is opened straight away.
      setExpandedKeys(items.length === 1 && items[0] ? [items[0].id] : []);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  const loadChildren = useCallback(async (parentId: string) => {
    try {
      const { items } = await orgsApi.children(parentId);
      setNodes((prev) => mapTree(prev, parentId, (n) => ({ ...n, isLeaf: items.length === 0, children: sortNodes(items) })));
      setLoadedKeys((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  /** After a child was added: reload the parent's children and open it. */
  const childAdded = useCallback(
    async (parentId: string) => {
      await loadChildren(parentId);
      setExpandedKeys((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
    },
    [loadChildren],
  );

  /** After an edit: show the new name without reloading the branch. */
  const orgChanged = useCallback((org: Org) => {
    setNodes((prev) => mapTree(prev, org.id, (n) => ({ ...n, title: org.name, org })));
  }, []);

  return { nodes, loading, error, expandedKeys, setExpandedKeys, loadedKeys, loadRoots, loadChildren, childAdded, orgChanged };
}
