import type { NodeKind } from '../../core/index.ts';

/** Simple line icons of each node kind, on a 24×24 grid (the diagram's NodeIcon and the export scene draw them). */
export const NODE_ICON_PATHS: Readonly<Record<NodeKind, string>> = {
  browser: 'M3 5h18v14H3z M3 9h18 M6 7h.01 M8.5 7h.01',
  'stub-resolver': 'M4 5h16v10H4z M9 19h6 M12 15v4 M8 10h8',
  'recursive-resolver': 'M12 3a9 9 0 1 0 .01 0z M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  'root-server': 'M5 4h14v5H5z M5 11h14v5H5z M8 6.5h.01 M8 13.5h.01 M12 16v4 M8 20h8',
  'tld-server': 'M5 4h14v5H5z M5 11h14v5H5z M8 6.5h.01 M8 13.5h.01 M12 16v4 M8 20h8',
  'authoritative-server': 'M5 4h14v5H5z M5 11h14v5H5z M8 6.5h.01 M8 13.5h.01 M14 20l2 -2 3 3',
  'cdn-edge': 'M12 3l8 4.5v9L12 21l-8-4.5v-9z M12 12l8-4.5 M12 12v9 M12 12L4 7.5',
  'load-balancer': 'M4 12h5 M9 12l6-6h5 M9 12h11 M9 12l6 6h5 M17 4l3 2-3 2 M17 16l3 2-3 2',
  // A door with an arrow going in: the cluster's one way in.
  'ingress-controller': 'M10 4h9v16h-9 M3 12h11 M11 9l3 3-3 3 M16 12h.01',
  'app-server': 'M8 8l-4 4 4 4 M16 8l4 4-4 4 M14 5l-4 14',
  // A container (a box with its lid's edges) in a pod's outline.
  pod: 'M12 3l8 4.5v9L12 21l-8-4.5v-9z M8 9.5l4 2.2 4-2.2 M12 11.7V16',
  // A ship's wheel for Kubernetes' name server: a ring, a hub and spokes.
  'cluster-dns':
    'M12 5a7 7 0 1 0 .01 0z M12 10a2 2 0 1 0 .01 0z M12 2v3 M12 19v3 M2 12h3 M19 12h3 M5 5l2 2 M17 17l2 2 M19 5l-2 2 M5 19l2-2',
  cache: 'M13 3L5 13h6l-1 8 8-10h-6z',
  database:
    'M5 6c0-1.7 3.1-3 7-3s7 1.3 7 3-3.1 3-7 3-7-1.3-7-3z M5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6 M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3',
};
