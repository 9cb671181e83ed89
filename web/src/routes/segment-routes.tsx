import { createRoute } from '@tanstack/react-router';
import { ListScreen } from '../features/segments/list-screen.tsx';
import { ListsScreen } from '../features/segments/lists-screen.tsx';
import { SegmentEditorScreen } from '../features/segments/segment-editor-screen.tsx';
import { SegmentScreen } from '../features/segments/segment-screen.tsx';
import { SegmentsScreen } from '../features/segments/segments-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

export const segmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/segments',
  component: () => (
    <RequirePermission permission="segments:read" title="Segments">
      <SegmentsScreen />
    </RequirePermission>
  ),
});

export const newSegmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/segments/new',
  component: () => (
    <RequirePermission permission="segments:manage" title="New segment">
      <SegmentEditorScreen />
    </RequirePermission>
  ),
});

export const segmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/segments/$segmentId',
  component: function SegmentPage() {
    const { segmentId } = segmentRoute.useParams();
    return (
      <RequirePermission permission="segments:read" title="Segment">
        <SegmentScreen key={segmentId} id={segmentId} />
      </RequirePermission>
    );
  },
});

export const editSegmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/segments/$segmentId/edit',
  component: function EditSegmentPage() {
    const { segmentId } = editSegmentRoute.useParams();
    return (
      <RequirePermission permission="segments:manage" title="Edit segment">
        <SegmentEditorScreen key={segmentId} id={segmentId} />
      </RequirePermission>
    );
  },
});

export const listsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lists',
  component: () => (
    <RequirePermission permission="segments:read" title="Lists">
      <ListsScreen />
    </RequirePermission>
  ),
});

export const listRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lists/$listId',
  component: function ListPage() {
    const { listId } = listRoute.useParams();
    return (
      <RequirePermission permission="segments:read" title="List">
        <ListScreen key={listId} id={listId} />
      </RequirePermission>
    );
  },
});
