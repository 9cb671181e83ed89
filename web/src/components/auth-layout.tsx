import { Anchor, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import classes from './auth-layout.module.css';
import { Logo } from './logo.tsx';

/** The frame of sign-in, setup and invite pages: a centered card on a quiet background. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Tandem`;
  }, [title]);
  return (
    <Box className={classes.page} component="main">
      <Center mih="100dvh" p="md">
        <Stack w="100%" maw={440} gap="xl">
          <Center>
            <Logo size={34} />
          </Center>
          <Paper p={{ base: 'lg', sm: 36 }} radius="lg" shadow="sm" className={classes.card}>
            <Stack gap={6} mb="lg">
              <Title order={2} fz={22}>
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          <Text ta="center" size="xs" c="dimmed">
            {footer ?? (
              <>
                Tandem · open-source sales &amp; marketing ·{' '}
                <Anchor href="/api/docs" size="xs" c="dimmed" underline="always">
                  API docs
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
