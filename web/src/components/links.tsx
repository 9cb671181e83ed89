import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes } from 'react';

type AnchorAttrs<P> = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof P> & { ref?: React.Ref<HTMLAnchorElement> };

function ButtonAnchor(props: ButtonProps & AnchorAttrs<ButtonProps>) {
  return <Button component="a" {...props} />;
}

function TextAnchor(props: AnchorProps & AnchorAttrs<AnchorProps>) {
  return <Anchor {...props} />;
}

/** A Mantine button that navigates with the router (typed `to`, preloading, no full reload). */
export const ButtonLink = createLink(ButtonAnchor);

/** A Mantine text link that navigates with the router. */
export const AnchorLink = createLink(TextAnchor);
