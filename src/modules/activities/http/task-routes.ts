import { type App, pageOf } from '../../../kernel/http/index.ts';
import { getMyTasks } from '../queries/get-my-tasks.ts';
import { getTask } from '../queries/get-task.ts';
import { getTasks } from '../queries/get-tasks.ts';
import { completeTask } from '../use-cases/complete-task.ts';
import { createTask } from '../use-cases/create-task.ts';
import { deleteTask } from '../use-cases/delete-task.ts';
import { reopenTask } from '../use-cases/reopen-task.ts';
import { updateTask } from '../use-cases/update-task.ts';
import { createTaskBody, idParams, myTasksQuery, myTasksSchema, okSchema, taskSchema, tasksQuery, updateTaskBody } from './tasks.types.ts';

const tags = ['tasks'];
const read = { permission: 'tasks:read' };
const write = { permission: 'tasks:write' };

/** Tasks: create, list, "my tasks", change, complete, reopen, delete. */
export async function taskRoutes(app: App) {
  app.post('/api/tasks', { config: write, schema: { tags, body: createTaskBody, response: { 201: taskSchema } } }, async (req, reply) =>
    reply.status(201).send(await createTask(req.ctx, req.body)),
  );

  app.get('/api/tasks', { config: read, schema: { tags, querystring: tasksQuery, response: { 200: pageOf(taskSchema) } } }, async (req) =>
    getTasks(req.ctx, req.query),
  );

  app.get('/api/tasks/mine', { config: read, schema: { tags, querystring: myTasksQuery, response: { 200: myTasksSchema } } }, async (req) =>
    getMyTasks(req.ctx, { limit: req.query.limit }),
  );

  app.get('/api/tasks/:id', { config: read, schema: { tags, params: idParams, response: { 200: taskSchema } } }, async (req) =>
    getTask(req.ctx, req.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    { config: write, schema: { tags, params: idParams, body: updateTaskBody, response: { 200: taskSchema } } },
    async (req) => updateTask(req.ctx, req.params.id, req.body),
  );

  app.delete('/api/tasks/:id', { config: write, schema: { tags, params: idParams, response: { 200: okSchema } } }, async (req) => {
    await deleteTask(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.post('/api/tasks/:id/complete', { config: write, schema: { tags, params: idParams, response: { 200: taskSchema } } }, async (req) =>
    completeTask(req.ctx, req.params.id),
  );

  app.post('/api/tasks/:id/reopen', { config: write, schema: { tags, params: idParams, response: { 200: taskSchema } } }, async (req) =>
    reopenTask(req.ctx, req.params.id),
  );
}
