package com.example;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("items")
public class ItemsResource {

  @GET
  public String list() {
    return "[\"teapot\"]";
  }

  @DELETE
  @Path("{id}")
  @CorsAllowed(origins = "https://admin.example.com")
  public void delete(@PathParam("id") String id) {}
}
